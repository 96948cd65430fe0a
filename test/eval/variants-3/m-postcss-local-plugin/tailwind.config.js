/** @type {import('tailwindcss').Config} */
export default {
  content: ['./index.html', './src/**/*.{js,jsx}'],
  theme: {
    extend: {
      colors: { brand: { 50: '#eef6ff', 500: '#2f6fed', 900: '#10245a' } },
    },
  },
  plugins: [],
};
