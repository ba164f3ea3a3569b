// class: resources
// source: original
// expect: resources
(1..2000).each { Thread.start { sleep(60_000) } }
