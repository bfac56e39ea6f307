<?php
// The forms PHP's own functions give a secret that a PHP listener echoes back, nothing written here: the reference
// for what callhooks must mask. One JSON request per input line ({"secret":"..."}), one JSON answer per output line
// ({"forms":{"json_encode":"...",...}}), in order. json_encode's form is given without its surrounding quotes.
while (($line = fgets(STDIN)) !== false) {
    if (trim($line) === '') {
        continue;
    }
    $secret = json_decode($line, true)['secret'];
    $forms = [
        'json_encode' => substr(json_encode($secret), 1, -1),
        'rawurlencode' => rawurlencode($secret),
        'urlencode' => urlencode($secret),
        'htmlspecialchars' => htmlspecialchars($secret),
        'htmlentities' => htmlentities($secret),
        'base64_encode' => base64_encode($secret),
        'var_export' => substr(var_export($secret, true), 1, -1),
        'addslashes' => addslashes($secret),
    ];
    echo json_encode(['forms' => $forms], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
}
