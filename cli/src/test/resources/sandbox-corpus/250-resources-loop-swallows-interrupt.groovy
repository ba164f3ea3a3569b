// class: resources
// source: original
// expect: resources
// Keeps going when the evaluator interrupts or stops the thread.
while (true) {
    try { while (true) { } } catch (Throwable t) { }
}
