// class: compile-time
// source: original (@Delegate generates unsandboxed forwarding methods)
// expect: run
class Wrapper {
    @Delegate ProcessBuilder pb = new ProcessBuilder('touch', '@MARKER@')
}
new Wrapper().start().waitFor()
