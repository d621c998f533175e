import { beforeEach } from 'vitest';
import { setLanguage } from '@/components/i18n.ts';

// happy-dom's browser says en-US; the extension's default (and most tests' expectations) is Chinese. A test of
// the English UI sets it itself; each test starts from Chinese again.
beforeEach(() => setLanguage('zh'));
