import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import './styles/app.css';
import './styles/reader.css';
import './styles/panels.css';
import './app/plugins';
import { App } from './app/App';
import { applySettingsToDocument, settingsStore } from './app/settings';

// Before the first paint, so a dark-theme user never sees a white flash.
applySettingsToDocument(settingsStore.get());

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
