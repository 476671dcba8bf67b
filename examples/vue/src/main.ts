import { createApp } from 'vue';
import Checkout from './Checkout.vue';
import './styles.css';

createApp(Checkout).mount('#app');
