"""A progress bar on a terminal; nothing when the output is a file or a pipe."""

import time


class ProgressBar:
    WIDTH = 30

    def __init__(self, stream, label="Importing"):
        self.stream = stream
        self.label = label
        self.enabled = hasattr(stream, "isatty") and stream.isatty()
        self.last = 0.0

    def __call__(self, done, total):
        if not self.enabled or not total:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = int(self.WIDTH * done / total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
