import '../styles.css';
import { mountLayout } from '../layout.js';

mountLayout('other');
