// class: cast
// source: Jenkins SECURITY-566 (coercion of a class to an interface) adapted to exit
// expect: exit
interface Stopper { void exit(int code) }
(('java.lang.System' as Class) as Stopper).exit(7)
