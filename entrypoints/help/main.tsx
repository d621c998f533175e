import { render } from 'preact';
import './style.css';
import { Help } from './Help.tsx';
import { loadLanguage } from '@/entrypoints/shared/language.ts';

// ?lang=en or ?lang=zh picks the language for this page; otherwise the reader's setting.
const asked = new URLSearchParams(location.search).get('lang');
void loadLanguage().then(() => {
  render(<Help initialLang={asked === 'en' || asked === 'zh' ? asked : undefined} />, document.getElementById('app')!);
});
