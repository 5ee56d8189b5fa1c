// Submits the sign-in form once the page has loaded in a real browser. The link's GET never
// signs in by itself, so mail scanners that fetch links cannot use it up.
(function () {
  var form = document.querySelector("form[data-auto-submit]");
  if (form && !form.dataset.submitted) {
    form.dataset.submitted = "yes";
    form.submit();
  }
})();
