import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Admin console</h1>
      <footer>
        build {__GIT_SHA__} · {__BUILD_TIME__}
      </footer>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
