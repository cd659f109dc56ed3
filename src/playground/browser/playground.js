// The playground page: GraphiQL over the gateway's /graphql, with the saved examples as tabs.
// A plain browser script (React, ReactDOM and GraphiQL are globals loaded before it), so the
// page's Content-Security-Policy can allow scripts from 'self' only.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('playground-config').textContent);
  var REMEMBERED_KEY = 'supplygraph:authorization';
  var post = GraphiQL.createFetcher({ url: config.endpoint });

  // GraphiQL keeps headers per tab. The key pasted in one tab is remembered and sent for every
  // tab whose header still holds the placeholder, so an analyst pastes it once.
  function fetcher(params, options) {
    var headers = Object.assign({}, options && options.headers);
    var name = Object.keys(headers).find(function (header) {
      return header.toLowerCase() === 'authorization';
    });
    var value = name ? String(headers[name]).trim() : '';
    if (value && value !== config.placeholderAuthorization) {
      window.localStorage.setItem(REMEMBERED_KEY, value);
    } else {
      var remembered = window.localStorage.getItem(REMEMBERED_KEY);
      if (remembered) {
        if (name) delete headers[name];
        headers.Authorization = remembered;
      }
    }
    return post(params, Object.assign({}, options, { headers: headers }));
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(
      GraphiQL,
      {
        fetcher: fetcher,
        defaultTabs: config.tabs,
        defaultHeaders: config.defaultHeaders,
        defaultEditorToolsVisibility: 'headers',
        shouldPersistHeaders: true,
      },
      React.createElement(GraphiQL.Logo, null, 'supplygraph'),
    ),
  );
})();
