// class: exit
// source: original
// expect: exit
Thread.currentThread().stop()
