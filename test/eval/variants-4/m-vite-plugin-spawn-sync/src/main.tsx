import { createRoot } from 'react-dom/client';
import sprite from 'virtual:svg-sprite';
import App from './App';

document.body.insertAdjacentHTML('afterbegin', sprite);
createRoot(document.getElementById('root')!).render(<App />);
