import { render } from 'preact';
import './style.css';
import { OptionsApp } from './App.tsx';
import { browserOptionsPort } from './port.ts';
import { loadLanguage } from '@/entrypoints/shared/language.ts';

void loadLanguage().then(() => render(<OptionsApp port={browserOptionsPort()} />, document.getElementById('app')!));
