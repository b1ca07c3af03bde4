"""The yardstick for the start benchmark: the least a PySide6 program can show, a window with a
line edit that has the keyboard. bench_start.py starts it beside Recovery Desk."""

import sys

from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("bare")
    box = QLineEdit()
    QVBoxLayout(window).addWidget(box)
    window.resize(800, 600)
    window.show()
    box.setFocus()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
