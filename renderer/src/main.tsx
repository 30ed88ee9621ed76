import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './app.css';

const container = document.getElementById('root');
if (container === null) throw new Error('renderer/index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App api={window.roomready} />
  </StrictMode>,
);
