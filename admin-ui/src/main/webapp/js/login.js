// The login form: says why a login failed, and that none is possible while no admin password is set.
(function () {
  'use strict';
  const message = document.getElementById('message');
  const params = new URLSearchParams(window.location.search);

  function show(text, kind) {
    message.textContent = text;
    message.className = 'notice ' + kind;
    message.hidden = false;
  }

  if (params.get('error') === 'throttled') {
    const seconds = Number(params.get('retry')) || 60;
    show('Too many wrong passwords from this computer. Try again in ' + (seconds >= 120
      ? Math.ceil(seconds / 60) + ' minutes.' : seconds + ' seconds.'), 'error');
  } else if (params.get('error') === 'expired') {
    show('Your session has ended. Please log in again.', 'info');
  } else if (params.has('error')) {
    show('Wrong user name or password.', 'error');
  } else if (params.has('loggedOut')) {
    show('You are logged out.', 'info');
  }

  fetch('api/login-info', { headers: { 'X-Requested-With': 'trackdesk-console' } })
    .then((response) => response.json())
    .then((info) => {
      if (!info.passwordConfigured) {
        show('No admin password is set, so nobody can log in. ' + info.howToSetPassword, 'error');
        document.querySelector('#login-form button').disabled = true;
      }
    })
    .catch(() => show('The server did not answer; try again in a moment.', 'error'));
})();
