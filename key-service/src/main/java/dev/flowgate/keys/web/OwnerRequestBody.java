package dev.flowgate.keys.web;

record OwnerRequestBody(String name) {

}
