// class: method
// source: original
// expect: run
// Inside with{} the receiver is implicit: execute() is resolved on the delegate.
'touch @MARKER@'.with { execute().waitFor() }
