import { render } from 'preact';
import './style.css';
import { OptionsApp } from './App.tsx';
import { browserOptionsPort } from './port.ts';

render(<OptionsApp port={browserOptionsPort()} />, document.getElementById('app')!);
