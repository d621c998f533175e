import { render } from 'preact';
import './style.css';
import { OptionsApp } from './App.tsx';
import { browserOptionsPort } from './port.ts';
import { loadLanguage, titlePage } from '@/entrypoints/shared/language.ts';

void loadLanguage().then(() => {
  titlePage('optTitle');
  render(<OptionsApp port={browserOptionsPort()} />, document.getElementById('app')!);
});
