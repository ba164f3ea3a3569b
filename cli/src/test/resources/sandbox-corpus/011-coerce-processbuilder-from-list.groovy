// class: coercion
// source: original
// expect: run
// new ProcessBuilder(String...) without writing new.
ProcessBuilder pb = ['touch', '@MARKER@']
pb.start().waitFor()
