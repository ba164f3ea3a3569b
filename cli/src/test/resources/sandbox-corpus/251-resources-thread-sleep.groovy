// class: resources
// source: original
// expect: resources
Thread.sleep(1_000_000)
