import { render } from 'preact';
import './style.css';
import { Help } from './Help.tsx';

const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
render(<Help initialLang={lang} />, document.getElementById('app')!);
