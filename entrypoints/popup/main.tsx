import { render } from 'preact';
import './style.css';
import { App } from './App.tsx';
import { browserPort } from './port.ts';

render(<App port={browserPort(location.search)} />, document.getElementById('app')!);
