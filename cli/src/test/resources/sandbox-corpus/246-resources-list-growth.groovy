// class: resources
// source: original
// expect: resources
def l = []
while (true) { l << new long[1_000_000] }
