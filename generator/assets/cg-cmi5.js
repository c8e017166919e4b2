/* coursegen cmi5, on every page of a cmi5 package: inside the launch (cg-cmi5-launch.js, loaded by cmi5.html only,
   holds the session), hands the launch to the site's statement sender (coursegen.xapi.configure), whose statements
   are then cmi5 allowed ones: the launch's actor, registration and context template. It does so at the page's start,
   or when the launch arrives (the session store's change reaches the frame as a storage event); not after
   "terminated", as cmi5 takes no statement of the session after it.

   coursegen.cmi5.launch() answers the visit's launch (the session store's keys.CMI5_LAUNCH: endpoint, authorization,
   actor, registration, activityId, context, launchMode, masteryScore, moveOn, returnURL, ended); null outside one. */
(function () {
  "use strict";
  var cg = window.coursegen;
  if (!cg) return;
  cg.cmi5 = { launch: function () { return cg.session.get(cg.keys.CMI5_LAUNCH, null); } };

  function hand() {
    var launch = cg.cmi5.launch();
    if (!launch || launch.ended || !cg.xapi) return;
    cg.xapi.configure({ endpoint: launch.endpoint, authorization: launch.authorization, actor: launch.actor,
      registration: launch.registration, context: launch.context, launched: true });
  }
  cg.onPage(hand);
  window.addEventListener("storage", function (event) { if (event.storageArea === window.sessionStorage) hand(); });
})();
