// class: cast
// source: Jenkins SECURITY-566 / SECURITY-1353 (static methods through a Class coerced to an interface)
// expect: run
interface RuntimeSource { Runtime getRuntime() }
(Runtime as RuntimeSource).getRuntime().exec('touch @MARKER@').waitFor()
