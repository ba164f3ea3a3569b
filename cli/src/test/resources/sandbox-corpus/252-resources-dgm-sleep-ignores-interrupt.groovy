// class: resources
// source: original (DGM sleep swallows InterruptedException)
// expect: resources
sleep(1_000_000)
