import { render } from 'preact';
import { z } from 'zod';
import '@/entrypoints/content/ui.css';
import './style.css';
import { Viewer } from './Viewer.tsx';
import { loadLanguage } from '@/entrypoints/shared/language.ts';

// The extension's pages may not evaluate strings (CSP): zod validates the exports without generating code.
z.config({ jitless: true });

void loadLanguage().then(() => render(<Viewer search={location.search} />, document.getElementById('app')!));
