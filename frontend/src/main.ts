import { h, render } from 'preact';
import { CitizenApp } from './app/citizen-app';
import { locale } from './lib/i18n';
import './styles/base.css';

document.documentElement.lang = locale();
render(h(CitizenApp, {}), document.getElementById('app')!);
