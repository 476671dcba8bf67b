// js-yaml 4 ships no types and @types/js-yaml is not installed: the one call the tests make.
declare module 'js-yaml' {
  const yaml: { load(text: string): unknown };
  export default yaml;
}
