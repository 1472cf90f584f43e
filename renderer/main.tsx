// Renderer entry. The zod configuration must run before the contract module
// builds its schemas, hence the first import.
import '../preload/zod-jitless';
import './base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectRekey } from './bridge/connect';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

const connection = connectRekey(window);
createRoot(container).render(
  <StrictMode>
    <App connection={connection} />
  </StrictMode>,
);
