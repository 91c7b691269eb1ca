/**
 * @peculiar/x509 needs a Reflect metadata polyfill loaded before it (its tsyringe container
 * checks at import time); ES modules evaluate imports in order, so every file in this room
 * imports the library through here.
 */
import 'reflect-metadata';

export * as x509 from '@peculiar/x509';
