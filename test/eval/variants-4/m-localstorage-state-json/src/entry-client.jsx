import { hydrateRoot } from 'react-dom/client';

hydrateRoot(document.getElementById('app'), <p>Loading portfolio…</p>);
