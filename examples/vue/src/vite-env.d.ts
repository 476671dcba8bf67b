interface ImportMetaEnv {
  /** The public API key of the Elements API. @default 'kustom_pk_test_sandbox' */
  readonly VITE_KUSTOM_PUBLIC_API_KEY?: string;
  /** Where the elements reach Kustom. @default the local sandbox, http://127.0.0.1:4010 */
  readonly VITE_KUSTOM_BASE_URL?: string;
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
