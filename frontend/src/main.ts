import { h, render } from 'preact';
import { CitizenApp } from './app/citizen-app';
import { sweepAttempts } from './lib/attempt-session';
import { locale } from './lib/i18n';
import './styles/base.css';

document.documentElement.lang = locale();
// a shared computer's next visitor finds nothing of attempts that are over
sweepAttempts();
render(h(CitizenApp, {}), document.getElementById('app')!);
