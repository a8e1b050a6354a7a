// lunr-languages ships no types: each module is a function that installs a language into lunr.
declare module 'lunr-languages/*' {
  const install: (lunr: unknown) => void;
  export default install;
}
