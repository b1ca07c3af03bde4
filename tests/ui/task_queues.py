"""A task runner that holds each task until the test runs it, in the order submitted.

`ImmediateTaskRunner` answers every task before `submit` returns, so code that asks for two
things (the person's defaults, the list of coaches) always gets them in the order it asked.
The real pool answers later and in its own order; this runner lets a test choose that order.
"""

from __future__ import annotations

from ui.tasks import TaskRunner, _DatabaseTask


class QueuedTaskRunner(TaskRunner):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.queue: list[_DatabaseTask] = []

    def _start(self, task: _DatabaseTask, pool: object = None) -> None:
        self.queue.append(task)

    def run_next(self) -> None:
        self.queue.pop(0).run()

    def run_all(self) -> None:
        """Run every task, those submitted meanwhile too, oldest first."""
        while self.queue:
            self.run_next()
