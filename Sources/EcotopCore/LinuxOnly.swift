// Ecotop is built and tested on Linux only: the store, the plugin host and the terminal call
// Glibc and ncursesw directly (O_NOFOLLOW opens, prctl, pipes, fsync of directories). Stop the
// build elsewhere with a clear message instead of a page of missing-symbol errors.
#if !os(Linux)
#error("Ecotop builds on Linux only (see README.md, \"Set up on a fresh machine\")")
#endif
