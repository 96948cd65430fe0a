import React from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import TokenGrid from './components/TokenGrid.jsx';

createRoot(document.getElementById('root')).render(
  <React.StrictMode>
    <TokenGrid />
  </React.StrictMode>,
);
