"""The drill's arithmetic (report.py): python3 -m unittest discover -s deploy/drill"""
import json
import unittest

from report import Call, metrics, proxy_errors, sigkill

SIGNAL, EXIT, UNTIL = 1000, 1200, 9000


class SigkillTest(unittest.TestCase):

    def test_a_failed_call_started_after_the_instance_was_gone_is_counted_apart(self):
        calls = [Call(900, 1100, "search", "HTTP_502_proxy", "-"),    # in flight at the signal
                 Call(1100, 1150, "search", "HTTP_502_proxy", "-"),   # accepted by the dying instance
                 Call(1300, 1400, "execute", "HTTP_502_proxy", "-"),  # after it was gone: must not happen
                 Call(1300, 1400, "execute", "ok", "mcp-2")]
        report = sigkill(calls, SIGNAL, EXIT, UNTIL)
        self.assertEqual(3, report["failed"])
        self.assertEqual(1, report["failedInFlight"])
        self.assertEqual(2, report["failedStartedAfterKill"])
        self.assertEqual(1, report["failedStartedWhileDying"])
        self.assertEqual(1, report["failedStartedAfterExit"])
        self.assertEqual(1, report["inFlight"])
        self.assertEqual(200, report["dyingMs"])

    def test_calls_outside_the_window_are_not_the_kill_s(self):
        calls = [Call(100, 200, "search", "HTTP_503_proxy", "-"), Call(9500, 9600, "search", "HTTP_503_proxy", "-")]
        self.assertEqual(0, sigkill(calls, SIGNAL, EXIT, UNTIL)["failed"])


class MetricsTest(unittest.TestCase):

    def test_rows_and_the_killed_instance_s_unwritten_rows_add_up_to_the_answered_calls(self):
        calls = [Call(10, 20, "search", "ok", "mcp-1"), Call(30, 40, "search", "ok", "mcp-1"),
                 Call(50, 60, "search", "ok", "mcp-2"), Call(900, 1100, "search", "HTTP_502_proxy", "-"),
                 Call(5000, 5100, "search", "ok", "mcp-1")]  # its second life
        report = metrics(calls, rows=3, rows_by_instance={"mcp-1": 2, "mcp-2": 1}, killed_rows_before_exit=1,
                         exit_at=EXIT, lost_reported=0)
        self.assertEqual(4, report["expected"])
        self.assertEqual(1, report["lostWithKilledInstance"])
        self.assertEqual(0, report["unexplained"])

    def test_a_row_missing_on_a_surviving_instance_is_unexplained(self):
        calls = [Call(10, 20, "search", "ok", "mcp-2"), Call(30, 40, "search", "ok", "mcp-2")]
        report = metrics(calls, rows=1, rows_by_instance={"mcp-2": 1}, killed_rows_before_exit=0, exit_at=EXIT,
                         lost_reported=0)
        self.assertEqual(0, report["lostWithKilledInstance"])
        self.assertEqual(1, report["unexplained"])

    def test_a_call_recorded_twice_is_unexplained(self):
        calls = [Call(10, 20, "search", "ok", "mcp-2")]
        report = metrics(calls, rows=2, rows_by_instance={"mcp-2": 2}, killed_rows_before_exit=0, exit_at=EXIT,
                         lost_reported=0)
        self.assertEqual(-1, report["unexplained"])


class ProxyErrorsTest(unittest.TestCase):

    def test_caddy_s_errors_are_counted_by_message_with_the_instances_named(self):
        lines = [json.dumps({"logger": "http.log.error", "ts": 2.0, "status": 502,
                             "msg": "read tcp 127.0.0.1:40000->127.0.0.1:8081: read: connection reset by peer"}),
                 json.dumps({"logger": "http.log.error", "ts": 0.5, "status": 502, "msg": "before the drill"}),
                 json.dumps({"logger": "http.handlers.reverse_proxy.health_checker.active", "ts": 3.0, "msg": "x"}),
                 "not json"]
        self.assertEqual({"502 read tcp 127.0.0.1:*->mcp-1: read: connection reset by peer": 1},
                         proxy_errors(lines, 1000, {"mcp-1": "8081", "mcp-2": "8082"}))


if __name__ == "__main__":
    unittest.main()
