/** The console: posts printed exactly as they would be sent, for demos and dry runs. */
package org.paperboy.platform.console;
