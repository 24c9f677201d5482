"""``quiz serve``: the quiz in the browsers of a classroom, one app process per tab.

Built on textual-serve, with what it lacks for a classroom: a join code, a cap on processes, no
process outliving its tab or the server, and a page that loads nothing from the internet.

- :mod:`quiz.serve.options`: what the teacher chose, and the command each tab runs;
- :mod:`quiz.serve.network`: the address students open;
- :mod:`quiz.serve.guard`: the join code, lockouts, passes and tickets;
- :mod:`quiz.serve.process`: one tab's app process;
- :mod:`quiz.serve.forkserver` and :mod:`quiz.serve.forking`: the warm process each tab's app
  is forked from, and the server's end of it;
- :mod:`quiz.serve.roster`: who is playing, for the teacher's terminal;
- :mod:`quiz.serve.seats`: one open tab, as the server keeps it;
- :mod:`quiz.serve.control`: the teacher's hold on the class (the dashboard's keys);
- :mod:`quiz.serve.pages` and :mod:`quiz.serve.server`: the pages and the server.
"""
