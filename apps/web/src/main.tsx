import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app.tsx';
import { registerServiceWorker } from './offline/service-worker.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
registerServiceWorker();
