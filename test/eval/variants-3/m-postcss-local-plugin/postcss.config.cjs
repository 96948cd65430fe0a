module.exports = {
  plugins: [
    require('tailwindcss'),
    require('autoprefixer'),
    require('./build/postcss-px-rem.cjs')({ rootValue: 16, minPixelValue: 2, exclude: /node_modules/ }),
  ],
};
