// class: closure
// source: Jenkins SECURITY-1658 (default parameter expressions in closures)
// expect: connect
({ p = new Socket('127.0.0.1', @PORT@).close() -> p })()
