import { h, render } from 'preact';
import { AdminApp } from './app/admin-app';
import { locale } from './lib/i18n';
import './styles/base.css';
import './styles/admin.css';

document.documentElement.lang = locale();
render(h(AdminApp, {}), document.getElementById('app')!);
