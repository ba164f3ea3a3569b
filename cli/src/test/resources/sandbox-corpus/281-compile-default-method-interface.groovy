// class: compile-time
// source: original
// expect: run
interface Helper {
    default void boom() { 'touch @MARKER@'.execute().waitFor() }
}
class Impl implements Helper { }
new Impl().boom()
